/** The Automation module's Karaf shell commands ({@code automation:*}), run as the shell's signed-in user. */
package org.tesseracrm.automation.internal.shell;
