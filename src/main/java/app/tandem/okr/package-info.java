/** Cycles, objectives, key results, check-ins and their scoring; other modules use the services here. */
package app.tandem.okr;
