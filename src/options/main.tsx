import { render } from 'preact';
import { OptionsRoot } from './options-root';
import { markPageLanguage } from '../ui/page-language';

markPageLanguage();
const root = document.getElementById('app');
if (root) render(<OptionsRoot />, root);
