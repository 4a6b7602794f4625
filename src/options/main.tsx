import { render } from 'preact';
import { OptionsRoot } from './options-root';

const root = document.getElementById('app');
if (root) render(<OptionsRoot />, root);
