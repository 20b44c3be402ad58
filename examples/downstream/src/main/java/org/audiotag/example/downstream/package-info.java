/** A downstream application of audiotag: tagging files with an exported model. */
package org.audiotag.example.downstream;
