/**
 * The Cases module's API (PQRS: petitions, complaints, claims, suggestions): {@link Cases} solves and closes cases,
 * follows their dependencies and keeps the admin's case types and status kinds; {@link CaseFields} names the record
 * type and its fields, {@link StatusKind} the kinds of statuses, {@link CaseType} a type with its number prefix.
 * Cases themselves are records: read and write their fields through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@link CaseFields#RECORD_TYPE case}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.cases.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
