//! Reading files people bring in: their bytes as text in whatever encoding they were saved in,
//! their rows and columns, which field each column is, and each cell's text as the value its
//! field takes. Nothing here writes a record: the app sends what this reads through the record
//! service, row by row, with every check a typed-in record gets.

pub mod decode;
pub mod mapping;
pub mod sheet;
pub mod table;
pub mod values;
