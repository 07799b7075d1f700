/** {@code /api/v1/automation/blueprints}: blueprints and a record's moves over REST. */
package org.tesseracrm.automation.internal.blueprint.rest;
