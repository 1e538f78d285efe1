import 'reflect-metadata';
import { launch } from '../../api/src/system/launch.js';

await launch('worker');
