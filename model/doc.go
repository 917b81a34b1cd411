// Package model is the domain of 支部台账: members, the branch profile and the
// official rules they are checked against. It is plain Go: no Fyne, no GORM, no
// excelize. Every number taken from a regulation lives in a versioned rule table
// (rules.go), never as a literal in the code that applies it.
package model
