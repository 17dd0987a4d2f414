/**
 * Wins worth celebrating: a key result that reached DONE, an objective whose cycle closed with a score of 0.7 or
 * more, recorded when the okr module says it happened, in a feed with who did it, and the kudos people add.
 */
package app.tandem.wins;
