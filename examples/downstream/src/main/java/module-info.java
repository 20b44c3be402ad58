/** An application using audiotag through its exported packages only. */
module org.audiotag.example.downstream {
    requires org.audiotag.features;
    requires org.audiotag.augment;
    requires org.audiotag.eval;
    requires org.audiotag.models;
    requires org.audiotag.train;

    exports org.audiotag.example.downstream;
}
