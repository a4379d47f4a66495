// `npm run bench [-- --100k]`: the scale benchmark, then ranking on real news, then entity quality against the gold annotation.
import { runAdjacency } from './adjacencyBench';
import { runScale } from './scaleBench';
import { runStatsBench } from './statsBench';

runScale(process.argv.slice(2))
  .then(() => runStatsBench(process.argv.slice(2)))
  .then(
    () => {
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
