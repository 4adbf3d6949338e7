// The curator database: unanswered-question log, per-guild settings, and the grouped report.
export * from './store.ts';
export * from './record.ts';
export { groupQuestions, normaliseQuestion, SIMILARITY_THRESHOLD, MIN_LENGTH_RATIO, type QuestionGroup, type QuestionTally } from './group.ts';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.ts';
export { formatReport, reportJson } from './format.ts';
