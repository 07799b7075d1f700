/** The Automation module's screens: Administration → Automation (rules, rule editor, run log). */
package org.tesseracrm.automation.internal.ui;
