/**
 * Tagging evaluation, pure Java: lwlrap exactly as the FSDKaggle2019 reference (both tie rules), LRAP, AP/mAP,
 * ROC-AUC, d', top-1 accuracy, bootstrap intervals, streaming accumulation, reports and the competition's CSV
 * layouts.
 */
module org.audiotag.eval {
    requires org.audiotag.toolkit;
    requires org.slf4j;

    exports org.audiotag.eval;
    exports org.audiotag.eval.io;
}
