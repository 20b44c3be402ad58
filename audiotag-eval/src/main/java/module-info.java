/** Tagging evaluation: lwlrap exactly as the FSDKaggle2019 reference, LRAP, AP/mAP, ROC-AUC and reports. */
module org.audiotag.eval {
    requires org.slf4j;

    // exports org.audiotag.eval;  (added with the first public type)
}
