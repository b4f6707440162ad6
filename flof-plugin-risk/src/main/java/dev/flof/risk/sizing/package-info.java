/** Position sizing from the risk budget and the stop distance, capped by the maximum position and gap risk. */
package dev.flof.risk.sizing;
