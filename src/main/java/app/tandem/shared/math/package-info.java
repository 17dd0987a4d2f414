/**
 * The statistics behind forecasts, in plain Java: a least-squares line with its residual standard
 * error and prediction interval, and Student's t quantile. Shared because OKRs and KPIs both
 * forecast with it and must not depend on each other; nothing of Spring, SQL or the web here.
 */
package app.tandem.shared.math;
