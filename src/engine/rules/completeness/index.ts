import type { Rule } from '../../rule.js';
import readableDocument from './readable-document.js';

/** The completeness gate's rules, sorted by id. */
export const completenessRules: Rule[] = [readableDocument];
