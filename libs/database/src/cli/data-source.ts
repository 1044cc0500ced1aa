import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { CoreConfig, loadConfigOrExit } from '#libs/config';
import { dataSourceOptions } from '../data-source-options.js';

/** For the TypeORM CLI (`npm run migration:*`), run on the built output in dist/. */
const config = loadConfigOrExit(CoreConfig);
const libs = fileURLToPath(new URL('../../../', import.meta.url));

export default new DataSource({
  ...dataSourceOptions({ url: config.DATABASE_URL, applicationName: 'tpm-migrations' }),
  entities: [`${libs}*/src/**/*.entity.js`],
});
