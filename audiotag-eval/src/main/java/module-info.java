/**
 * Tagging evaluation, pure Java: lwlrap exactly as the FSDKaggle2019 reference (both tie rules), LRAP, AP/mAP,
 * ROC-AUC, d', top-1 accuracy, bootstrap intervals, streaming accumulation, reports and the competition's CSV
 * layouts; sound event detection metrics as sed_eval (segment-based and event-based) and DCASE event lists.
 */
module org.audiotag.eval {
    requires org.audiotag.toolkit;
    requires org.slf4j;

    exports org.audiotag.eval;
    exports org.audiotag.eval.io;
    exports org.audiotag.eval.events;
}
