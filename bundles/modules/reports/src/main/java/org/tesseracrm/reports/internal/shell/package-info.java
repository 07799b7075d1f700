/** Karaf shell commands {@code reports:list}, {@code reports:run} and {@code reports:export}. */
package org.tesseracrm.reports.internal.shell;
