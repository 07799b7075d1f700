/** Blueprints (issue 22 item 6): states and allowed moves of a pick-list field, enforced in record changes. */
package org.tesseracrm.automation.internal.blueprint;
