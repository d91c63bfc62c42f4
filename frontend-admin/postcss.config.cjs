// Shared with the borrower app: see ../frontend-user/shared/postcss.config.cjs.
module.exports = require('../frontend-user/shared/postcss.config.cjs')
