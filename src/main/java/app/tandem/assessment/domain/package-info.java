/**
 * The assessment's and the health score's arithmetic in plain Java: the questionnaire, scores per practice and
 * overall, and the health score's parts. No Spring, SQL or web types.
 */
package app.tandem.assessment.domain;
