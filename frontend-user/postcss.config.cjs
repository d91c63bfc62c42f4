// Shared with the admin app: see shared/postcss.config.cjs.
module.exports = require('./shared/postcss.config.cjs')
