/** Tokenizer, vocabulary and the agreement corpus. */
package org.gatescope.text;
