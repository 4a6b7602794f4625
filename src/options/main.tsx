import { render } from 'preact';
import { OptionsPage } from './options-page';

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
