import { readdirSync, readFileSync } from 'node:fs';

const folders = (parent: string) => readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe('the project describes the folders it has', () => {
  it('lists every app and library in nest-cli.json, and nothing that is gone', () => {
    const projects = JSON.parse(readFileSync('nest-cli.json', 'utf8')).projects as Record<string, { type: string; root: string }>;
    const listed = (type: string) => Object.values(projects).filter((project) => project.type === type).map((project) => project.root).sort();
    expect(listed('application')).toEqual(folders('apps').map((name) => `apps/${name}`));
    expect(listed('library')).toEqual(folders('libs').map((name) => `libs/${name}`));
  });

  it('names every app and library in the architecture document', () => {
    const architecture = readFileSync('docs/ARCHITECTURE.md', 'utf8');
    const unnamed = [...folders('apps').map((name) => `apps/${name}`), ...folders('libs')].filter((name) => !architecture.includes(`\`${name}\``));
    expect(unnamed).toEqual([]);
  });
});
