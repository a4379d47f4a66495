import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. Reading a dump part after part, each part's text dies when the next is
 * read, but V8 puts off full collections while the heap is far from its limit: ten dead 60 MB texts
 * would pile up before one. Collecting between parts keeps the process at what it really holds.
 */
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
