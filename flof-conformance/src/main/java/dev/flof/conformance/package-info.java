/**
 * Contract suites for FLOF extensions. Each is an abstract JUnit 5 class: a plugin author extends it in their test
 * sources, implements the factory method, and the inherited tests check the rules the host relies on.
 */
package dev.flof.conformance;
