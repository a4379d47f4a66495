// `npm run bench [-- --100k]`: the scale benchmark, entity quality against the gold annotation, then ranking quality on news-dev.
import { runScale } from './scaleBench';
import { runStatsBench } from './statsBench';

runScale(process.argv.slice(2))
  .then(() => runStatsBench(process.argv.slice(2)))
  .then(
    () => {
      console.log('');
      require('./entityQuality');
      console.log('');
      require('./rankingQuality');
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
