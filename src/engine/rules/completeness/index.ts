import type { Rule } from '../../rule.js';
import noBrokenFences from './no-broken-fences.js';
import noInstructionComments from './no-instruction-comments.js';
import noPlaceholderValues from './no-placeholder-values.js';
import noTemplateResidue from './no-template-residue.js';
import noTodoMarkers from './no-todo-markers.js';
import readableDocument from './readable-document.js';
import validSuppression from './valid-suppression.js';
import requiredSectionsPresent from './required-sections-present.js';
import taskIdsSequential from './task-ids-sequential.js';
import taskLineFormat from './task-line-format.js';
import taskListStructure from './task-list-structure.js';
import unfilledTemplate from './unfilled-template.js';
import uniqueIds from './unique-ids.js';

/** The completeness gate's rules, sorted by id. */
export const completenessRules: Rule[] = [
  noBrokenFences,
  noInstructionComments,
  noPlaceholderValues,
  noTemplateResidue,
  noTodoMarkers,
  readableDocument,
  validSuppression,
  requiredSectionsPresent,
  taskIdsSequential,
  taskLineFormat,
  taskListStructure,
  unfilledTemplate,
  uniqueIds,
];
