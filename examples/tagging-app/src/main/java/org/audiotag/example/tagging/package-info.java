/** Tagging audio files with an exported model, as an application embeds it. */
package org.audiotag.example.tagging;
