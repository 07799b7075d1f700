/** The blueprint command ({@code automation:blueprints}). */
package org.tesseracrm.automation.internal.blueprint.shell;
