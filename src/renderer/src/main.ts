import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/700.css';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { getLecternApi } from './lectern-api';

const api = getLecternApi();
// The preload sent this call before this script loaded; here the window takes its answer.
const startup = api.call('app.start');
mount(App, { target: document.getElementById('app')!, props: { api, startup } });
