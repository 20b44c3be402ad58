/** Implementation details of audiotag-train; not exported. */
package org.audiotag.train.internal;
