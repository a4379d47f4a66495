/**
 * What the worker runs for entities (the candidate passes, the part steps, listings, cards and
 * spans), bundled apart (`dist/workerEntities.js`) and loaded by the worker on its first entity
 * request (see `entityCode` in corpusWorker.ts): the entity lexicons built when these modules load
 * are most of the worker script's start-up, which a reopen's workers would otherwise spend on the
 * 2 cores the extension host is making the view's articles on.
 */
export { entityCard, prepareCards } from '../core/entities/card';
export { CandidateFinder, entitiesOfCandidates, mentionAt } from '../core/entities/extract';
export { listEntities, placeListing } from '../core/entities/listing';
export { packListing } from '../core/entities/packedListing';
export { PartExtraction } from '../core/entities/partExtraction';
export { spansOf } from '../core/entities/spans';
