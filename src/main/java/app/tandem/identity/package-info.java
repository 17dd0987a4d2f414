/** Users, teams, memberships, API tokens and how a request proves who sends it. */
package app.tandem.identity;
