/**
 * The model loaders serving needs, registered by importing the modules that define them. Import
 * this (and only this) to load any saved model: it pulls in inference code, not training code.
 */
import './baseline-model.js';
import '../features/index.js';
import './linear/linear-model.js';
import './gbdt/model.js';
import './forest/model.js';
import './calibrated/model.js';
import './ensemble/weighted.js';
import './ensemble/stacked.js';
import './knn/model.js';
