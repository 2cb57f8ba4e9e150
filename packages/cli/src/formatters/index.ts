import {checkstyle} from './checkstyle.js'
import {github} from './github.js'
import {gitlab} from './gitlab.js'
import {json} from './json.js'
import {junit} from './junit.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'
import type {Formatter} from './types.js'

export type {FileResult, FormatContext, Formatter} from './types.js'

export const formatters: Record<string, Formatter> = {stylish, json, sarif, github, gitlab, junit, checkstyle}

export const formatterNames = Object.keys(formatters)
