// `npm run bench [-- --100k]`: the scale benchmark, reading per line-end shape, then ranking on real news, then entity quality against the gold annotation.
import { runAdjacency } from './adjacencyBench';
import { runLineEnds } from './lineEndsBench';
import { runScale } from './scaleBench';
import { runStatsBench } from './statsBench';

runScale(process.argv.slice(2))
  .then(() => runStatsBench(process.argv.slice(2)))
  .then(
    () => {
      runLineEnds();
      console.log('');
      runAdjacency();
      console.log('');
      require('./entityQuality');
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
