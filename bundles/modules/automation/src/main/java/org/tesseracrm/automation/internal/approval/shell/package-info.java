/** The approval commands ({@code automation:approvals}, {@code approval-submit}, {@code approve}, {@code reject}). */
package org.tesseracrm.automation.internal.approval.shell;
