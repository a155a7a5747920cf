/** `occsim schema`: prints the JSON Schema of the scenario format (for editors). */
import { scenarioJsonSchema } from '../scenario/index.ts';

export default async function schema(): Promise<number> {
  process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return 0;
}
