import { render } from 'preact';
import { Popup } from './popup';

// The popup's script starts here: the time until 'lifeboat:popup-ready' is its own work.
performance.mark('lifeboat:popup-start');
const root = document.getElementById('app');
if (root) render(<Popup />, root);
