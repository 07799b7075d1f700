/** The blueprints' admin page and the moves on every record's form. */
package org.tesseracrm.automation.internal.blueprint.ui;
