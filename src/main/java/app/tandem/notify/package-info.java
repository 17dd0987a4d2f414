/**
 * What Tandem tells people: a notification per person and happening (a mention, a comment on what they own, being
 * made owner, a KPI changing status), written by reactions to the other modules' events through Modulith's
 * publication registry, each once however often a reaction runs; read in the app (the bell, the page, the API) in
 * the reader's language, and delivered on the channels each person chose for its kind.
 */
package app.tandem.notify;
