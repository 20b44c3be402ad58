/** An application using audiotag through its exported packages only. */
module org.audiotag.example.downstream {
    // TagFiles (tagging) needs only this one; it brings org.audiotag.features with it
    requires org.audiotag.models;
    // the test also trains a model, evaluates it and augments a clip
    requires org.audiotag.augment;
    requires org.audiotag.eval;
    requires org.audiotag.train;

    exports org.audiotag.example.downstream;
}
