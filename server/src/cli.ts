// Placeholder until the engine lands (replaced in this session).
import { VERSION } from './version';
console.log(VERSION);
