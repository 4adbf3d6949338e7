// The line that opens a near miss, shared by /ask's reply and the ask CLI's text. A module of its own,
// importing nothing, so that the CLI's start-up does not load discord-api-types with reply/answer.ts.

/** A near miss is said so: neither a bare refusal nor a confident answer. */
export const CLOSEST_LEAD = "The article doesn't say exactly; the closest it comes is:";
