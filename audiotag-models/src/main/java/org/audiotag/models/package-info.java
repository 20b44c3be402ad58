/** audiotag models: see the module description. */
package org.audiotag.models;
