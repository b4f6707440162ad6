/**
 * Confluence grading: the default 10-point rubric of issue 8 ({@code default-rubric}) and the mapping of points to
 * the A+ / B / C grades that decide the risk weight.
 */
package dev.flof.risk.grading;
